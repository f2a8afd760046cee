"""Loading the site's sources: pages, front matter, organisation data."""
