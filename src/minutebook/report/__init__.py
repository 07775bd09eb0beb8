"""The Work Programme and Action Tracker report: data.py builds the model from the database;
html.py, docx.py and pdf.py render it (the PDF from the HTML)."""
