package org.audiostyle.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by Maven), or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

	static String version() {
		String v = VersionProvider.class.getPackage().getImplementationVersion();
		return v != null ? v : "development";
	}

	@Override
	public String[] getVersion() {
		return new String[] { "Audio Style " + version() };
	}
}
