"""The feed: what the people one trains with did, newest first, each as the viewer may see it."""
