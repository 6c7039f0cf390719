"""The pages that tie the parts together, above all of them: the dashboard (a person's
week, goals and latest activities) and deleting an account (what goes, counted across
every part). A page that shows one part's things lives in that part."""
