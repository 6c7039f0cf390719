"""Training together: one outing with every participant, tags, same-outing suggestions."""
