package org.audiostyle.spark;

import java.io.Serializable;

import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.RowResult;

/**
 * One line of the results table: the row, what became of it, how long it took, and its provenance (model id, the
 * sound's SHA-256, device). A Java bean, so Spark derives the table's schema from it.
 */
public final class ResultRecord implements Serializable {

	private static final long serialVersionUID = 1L;

	private long row;
	private int line;
	private String image = "", sound = "", output = "", status = "", error = "", modelId = "", soundSha256 = "",
		device = "";
	private double strength, seconds;

	public ResultRecord() {}

	static ResultRecord of(RowResult r, String modelId, String device) {
		ResultRecord x = new ResultRecord();
		BatchRow b = r.row;
		x.row = b.index;
		x.line = b.line;
		if (!b.isMalformed()) {
			x.image = b.image().toString();
			x.sound = b.sound().toString();
			x.output = b.output().toString();
			x.strength = b.strength;
			x.soundSha256 = SoundHashes.sha256(b.sound());
		}
		x.status = r.status.label();
		x.seconds = r.seconds;
		x.error = r.errorText();
		x.modelId = modelId;
		x.device = device;
		return x;
	}

	// Bean accessors (Spark's encoder needs both).

	public long getRow() { return row; }
	public void setRow(long v) { row = v; }
	public int getLine() { return line; }
	public void setLine(int v) { line = v; }
	public String getImage() { return image; }
	public void setImage(String v) { image = v; }
	public String getSound() { return sound; }
	public void setSound(String v) { sound = v; }
	public double getStrength() { return strength; }
	public void setStrength(double v) { strength = v; }
	public String getOutput() { return output; }
	public void setOutput(String v) { output = v; }
	public String getStatus() { return status; }
	public void setStatus(String v) { status = v; }
	public double getSeconds() { return seconds; }
	public void setSeconds(double v) { seconds = v; }
	public String getError() { return error; }
	public void setError(String v) { error = v; }
	public String getModelId() { return modelId; }
	public void setModelId(String v) { modelId = v; }
	public String getSoundSha256() { return soundSha256; }
	public void setSoundSha256(String v) { soundSha256 = v; }
	public String getDevice() { return device; }
	public void setDevice(String v) { device = v; }
}
