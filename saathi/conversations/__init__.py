"""What people say about an activity: reactions, comments and the mentions in them."""
