"""Korean value parsing: numbers with units, dates and periods, mentions in running text."""
