"""PDF backend (`pdf.backend.PdfBackend`): PyMuPDF reads glyphs and drawings, pdfplumber's
table algorithm builds grids. Nothing is imported here: a process that only joins the
parts of a PDF read elsewhere (`pdf.parts`) need not load PyMuPDF."""
