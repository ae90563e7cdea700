package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

public class SceneStatisticsTest {

	@Test
	public void layoutIsTheMeanOfEachThirdAndTextureTheMeanNeighbourStep() {
		try (NDManager m = NDManager.newBaseManager()) {
			// 1 x 3 x 3 x 2, grey (equal channels): rows 0, 3, 6 in every channel
			float[] v = new float[18];
			for (int c = 0; c < 3; c++)
				for (int y = 0; y < 3; y++)
					for (int x = 0; x < 2; x++)
						v[c * 6 + y * 2 + x] = 3 * y;
			NDArray[] s = SceneStatistics.statistics(m.create(v, new Shape(1, 3, 3, 2)));
			assertEquals(new Shape(1, 3, 3), s[0].getShape());
			float[] layout = s[0].toFloatArray();
			for (int c = 0; c < 3; c++)
				for (int third = 0; third < 3; third++)
					assertEquals(3 * third, layout[c * 3 + third], 1e-5, "channel " + c + ", third " + third);
			// luma of grey = the grey value: across rows no change (0), down a step of 3 every time (3)
			assertEquals(3.0, s[1].toFloatArray()[0], 1e-5);
		}
	}

	@Test
	public void aSoftenedTargetCostsTextureAndNothingElse() {
		try (NDManager m = NDManager.newBaseManager()) {
			// a checkerboard against its own mean: same layout (0 difference per third), all of the texture gone
			float[] board = new float[3 * 6 * 6], flat = new float[board.length];
			for (int i = 0; i < board.length; i++) {
				int x = i % 6, y = (i / 6) % 6;
				board[i] = (x + y) % 2 == 0 ? 1 : -1;
			}
			NDArray g = m.create(board, new Shape(1, 3, 6, 6)), t = m.create(flat, new Shape(1, 3, 6, 6));
			assertEquals(2.0 + 2.0, SceneStatistics.loss(g, t).getFloat(), 1e-5, "steps of 2 across and down");
			assertEquals(0.0, SceneStatistics.loss(g, g).getFloat(), 1e-6);
			assertEquals(0.5, SceneStatistics.loss(g.add(0.5f), g).getFloat(), 1e-5, "a brighter copy: layout only");
		}
	}

	@Test
	public void gradientReachesOnlyTheGeneratedImage() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray g = m.randomNormal(new Shape(2, 3, 9, 8));
			NDArray t = m.randomNormal(new Shape(2, 3, 12, 12)).mul(0.1f);
			g.setRequiresGradient(true);
			t.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(SceneStatistics.loss(g, t));
			}
			assertTrue(g.getGradient().abs().sum().getFloat() > 0);
			assertEquals(0f, t.getGradient().abs().sum().getFloat(), 0f);
		}
	}
}
