import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";

/** DejaVu (from the dejavu-fonts-ttf package): covers the sample's Ł, ö, é and the → of OLA titles, which Roboto lacks. */
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const FONTS = {
  DejaVu: {
    normal: font("DejaVuSansCondensed.ttf"),
    bold: font("DejaVuSansCondensed-Bold.ttf"),
    italics: font("DejaVuSansCondensed-Oblique.ttf"),
    bolditalics: font("DejaVuSansCondensed-BoldOblique.ttf"),
  },
  DejaVuMono: {
    normal: font("DejaVuSansMono.ttf"),
    bold: font("DejaVuSansMono-Bold.ttf"),
    italics: font("DejaVuSansMono-Oblique.ttf"),
    bolditalics: font("DejaVuSansMono-BoldOblique.ttf"),
  },
};
const FONT_FILES = new Set(Object.values(FONTS).flatMap((faces) => Object.values(faces)));

pdfmake.setFonts(FONTS);
// A document fetches nothing and reads no file but its fonts, whatever its content says.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

export const COLORS = { ink: "#1d2330", muted: "#5a6272", rule: "#c9ced8", head: "#f0f2f6" };

/** The documents' styles, one set for every PDF. */
export const STYLES: TDocumentDefinitions["styles"] = {
  kind: { fontSize: 8, color: COLORS.muted, characterSpacing: 0.5 },
  title: { fontSize: 20, bold: true, margin: [0, 6, 0, 10] },
  h2: { fontSize: 13, bold: true, margin: [0, 16, 0, 6] },
  h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  h4: { fontSize: 9.5, bold: true, color: "#3a4252", margin: [0, 6, 0, 2] },
  note: { fontSize: 8, color: COLORS.muted },
  hash: { font: "DejaVuMono", fontSize: 7.5 },
  th: { bold: true, fillColor: COLORS.head },
};

/** A table with a header row, thin rules, repeated header on page breaks. */
export function pdfTable(headings: string[], rows: TableCell[][], widths: (number | string)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      dontBreakRows: true,
      body: [headings.map((text) => ({ text, style: "th" })), ...rows],
    },
    layout: {
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
}

/** A label and its value, as the rows of a borderless two-column table. */
export function fields(pairs: [string, Content][]): Content {
  return {
    table: { widths: [110, "*"], body: pairs.map(([name, value]) => [{ text: name, color: COLORS.muted }, value]) },
    layout: "noBorders",
    margin: [0, 0, 0, 8],
  };
}

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  /** The date the PDF says it was made: derived from the content, so the same content gives the same bytes. */
  date: string;
  /** The running footer's text (page numbers are added). */
  footer: string;
  pageOrientation?: "portrait" | "landscape";
}

/**
 * Renders a PDF that depends on its content only: pdfkit would stamp the current time as the
 * creation date (and derive the file ID from it), so both are fixed by `meta.date`.
 */
export async function renderPdf(content: Content[], meta: PdfMeta): Promise<Buffer> {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: meta.pageOrientation ?? "portrait",
    pageMargins: [48, 48, 48, 56],
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      creator: "ITSM Service Graph",
      producer: "ITSM Service Graph (pdfmake)",
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: "DejaVu", fontSize: 9.5, lineHeight: 1.15, color: COLORS.ink },
    styles: STYLES,
    content,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: meta.footer, style: "note" },
        { text: `page ${page} of ${pages}`, style: "note", alignment: "right", width: 70 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
