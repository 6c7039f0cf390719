"""Reports of comments, profiles and activities, and what staff do about them."""
