/**
 * Many (image, sound) jobs with one model: the jobs CSV, its deterministic split into shards, running one row
 * (skipping finished outputs on resume, writing atomically) and the per-row report. The command line's
 * {@code audiostyle batch} and the Spark job both run rows through {@link org.audiostyle.batch.RowRunner}, so their
 * outputs are the same bytes.
 */
package org.audiostyle.batch;
