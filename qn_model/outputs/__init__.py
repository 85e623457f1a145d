"""Files that leave the app: the HTML brief, the CSV/XLSX/PNG exports, the QR code."""
