package org.audiostyle.runtime;

import java.util.Locale;

/** Where the networks run: the GPU when DJL sees one (AUTO), or forced. */
public enum DeviceChoice {
	AUTO, CPU, GPU;

	public static DeviceChoice parse(String s) {
		try {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Unknown device '" + s + "': use auto, cpu or gpu.");
		}
	}
}
