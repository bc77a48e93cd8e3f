"""Call-style forms: proposals laid out exactly as the 2025 call prints its forms
(schemas/rulesets/city-2025/forms.yaml), filled the ways municipalities fill them, through
two producers (LibreOffice from DOCX, and the sample generator's reportlab painter)."""
