"""Static HTML reports (Jinja2, autoescaped, inline CSS/JS, no network)."""
