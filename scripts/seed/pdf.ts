/**
 * A minimal, valid single-page PDF (Helvetica text) for the demo documents: appraisal, condition
 * report, insurance certificate, custody receipt. Real PDFs, so the portal's content checks accept them.
 */
function escapePdf(text: string): string {
  // Helvetica (WinAnsi) cannot show CJK: the demo documents are English, as such reports usually are.
  return text.replace(/[^\x20-\x7e]/g, "-").replace(/([\\()])/g, "\\$1");
}

export function simplePdf(title: string, lines: string[]): Buffer {
  const body: string[] = [];
  body.push("BT /F2 18 Tf 56 780 Td (" + escapePdf(title) + ") Tj ET");
  let y = 748;
  for (const line of lines) {
    body.push(`BT /F1 11 Tf 56 ${y} Td (${escapePdf(line)}) Tj ET`);
    y -= 18;
  }
  const stream = body.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
