package org.audiostyle.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.RowResult;

/**
 * The work of one Spark partition: its rows through this JVM's {@link ExecutorStylizer}. Nothing a row does is fatal
 * to the task: a failed row, or a model that this executor cannot load, becomes a "failed" result with the reason.
 */
final class StylizePartition implements FlatMapFunction<Iterator<BatchRow>, ResultRecord> {

	private static final long serialVersionUID = 1L;

	private final JobSettings settings;

	StylizePartition(JobSettings settings) {
		this.settings = settings;
	}

	@Override
	public Iterator<ResultRecord> call(Iterator<BatchRow> rows) {
		List<ResultRecord> out = new ArrayList<>();
		ExecutorStylizer stylizer;
		try {
			stylizer = ExecutorStylizer.get(settings);
		}
		catch (Exception e) {
			// e.g. the model path is not on storage this executor sees: record every row, let the job finish.
			String why = "cannot load the model on this executor: " + e.getMessage();
			rows.forEachRemaining(r -> out.add(ResultRecord.of(RowResult.failed(r, new IllegalStateException(why)),
				"", settings.device)));
			return out.iterator();
		}
		String device = stylizer.device;
		rows.forEachRemaining(r -> out.add(ResultRecord.of(stylizer.run(r), stylizer.modelId, device)));
		return out.iterator();
	}
}
