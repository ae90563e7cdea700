/**
 * Audio Style on Apache Spark: {@link org.audiostyle.spark.StylizeJob} reads a jobs CSV (the columns of
 * {@code audiostyle batch}) or lists a folder of images, stylizes the rows in {@code mapPartitions} with one model
 * and one Stylizer per executor JVM ({@link org.audiostyle.spark.ExecutorStylizer}), writes the outputs atomically to
 * shared storage and a results table with provenance. Rows run through the engine's
 * {@link org.audiostyle.batch.RowRunner}, as in the command line, so the outputs are the same bytes.
 */
package org.audiostyle.spark;
