package org.audiostyle.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid of images as one PNG: rows (e.g. one per sound) by columns (e.g. one per input image), every cell the centred
 * square of its image resized to the same size, with optional text labels for rows and columns. Labels are skipped if the platform cannot
 * render text (no fonts), never failing the sheet.
 */
public final class ContactSheet {

	private static final int GAP = 2;
	private static final int LABEL_WIDTH = 120;
	private static final int LABEL_HEIGHT = 16;

	private ContactSheet() {}

	/**
	 * @param rows cells row by row (rows may differ in length; missing cells stay grey)
	 * @param rowLabels one per row, or null
	 * @param columnLabels one per column, or null
	 * @param cell side of each cell in pixels
	 */
	public static BufferedImage compose(List<List<PlanarImage>> rows, List<String> rowLabels,
		List<String> columnLabels, int cell)
	{
		int cols = 0;
		for (List<PlanarImage> r : rows)
			cols = Math.max(cols, r.size());
		int left = rowLabels == null ? 0 : LABEL_WIDTH;
		int top = columnLabels == null ? 0 : LABEL_HEIGHT;
		int w = left + cols * (cell + GAP) + GAP;
		int h = top + rows.size() * (cell + GAP) + GAP;
		BufferedImage sheet = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		g.setColor(new Color(48, 48, 48));
		g.fillRect(0, 0, w, h);
		for (int r = 0; r < rows.size(); r++)
			for (int c = 0; c < rows.get(r).size(); c++) {
				PlanarImage img = rows.get(r).get(c);
				if (img == null) continue;
				int side = Math.min(img.width, img.height);
				PlanarImage square = img.width == img.height ? img : img.crop((img.width - side) / 2, (img.height - side) /
					2, side, side);
				PlanarImage scaled = side == cell ? square : Resampling.resize(square, cell, cell);
				g.drawImage(RgbImageFiles.toBuffered(scaled), left + GAP + c * (cell + GAP), top + GAP + r * (cell + GAP),
					null);
			}
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			g.setColor(Color.WHITE);
			if (rowLabels != null)
				for (int r = 0; r < rows.size() && r < rowLabels.size(); r++)
					g.drawString(clip(rowLabels.get(r), 20), 4, top + GAP + r * (cell + GAP) + cell / 2);
			if (columnLabels != null)
				for (int c = 0; c < cols && c < columnLabels.size(); c++)
					g.drawString(clip(columnLabels.get(c), Math.max(4, cell / 7)), left + GAP + c * (cell + GAP) + 2, 12);
		}
		catch (RuntimeException | Error e) {
			// no usable fonts on this system: keep the pictures without labels
		}
		g.dispose();
		return sheet;
	}

	private static String clip(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	public static void write(List<List<PlanarImage>> rows, List<String> rowLabels, List<String> columnLabels, int cell,
		Path png) throws IOException
	{
		RgbImageFiles.writePng(compose(rows, rowLabels, columnLabels, cell), png);
	}
}
