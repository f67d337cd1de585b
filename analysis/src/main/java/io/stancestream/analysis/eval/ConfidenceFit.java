package io.stancestream.analysis.eval;

import io.stancestream.analysis.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refits the scorer's confidence on labelled items it did not learn from (Platt scaling).
 *
 * <p>The scorer's confidence is a logistic of a linear score: {@code logistic(a*|score| + b +
 * c*min(evidence, 6))} for FAVOR/AGAINST and {@code logistic(a_neutral - b_neutral*|score| /
 * threshold)} for NEUTRAL ({@code stance/scoring.yaml}, {@code confidence}). Platt scaling fits
 * {@code P(correct) = logistic(alpha * logit(confidence) + beta)} by maximum likelihood, separately
 * for polar and NEUTRAL calls, with a weak pull towards the identity ({@code alpha = 1, beta = 0})
 * so that a handful of items cannot swing it far. Because a logistic of a linear form stays one
 * after scaling, the result is again a set of the five parameters: {@code a' = alpha*a}, {@code b'
 * = alpha*b + beta}, {@code c' = alpha*c}, {@code a_neutral' = alpha_n*a_neutral + beta_n}, {@code
 * b_neutral' = alpha_n*b_neutral}. Labels are unchanged; only confidence moves.
 */
public final class ConfidenceFit {

  /** Strength of the pull towards the identity, in pseudo-items. */
  static final double PRIOR = 1.0;

  private static final double EPS = 1e-4;

  /** Platt factors of one group of calls: confidence' = logistic(alpha*logit(conf) + beta). */
  public record Scaling(double alpha, double beta, int n, int correct) {
    double apply(double confidence) {
      return logistic(alpha * logit(confidence) + beta);
    }
  }

  /**
   * The fitted parameters.
   *
   * @param polar scaling of FAVOR/AGAINST calls
   * @param neutral scaling of NEUTRAL calls
   * @param a new {@code confidence.a}
   * @param b new {@code confidence.b}
   * @param c new {@code confidence.c}
   * @param aNeutral new {@code confidence.a_neutral}
   * @param bNeutral new {@code confidence.b_neutral}
   */
  public record Result(
      Scaling polar,
      Scaling neutral,
      double a,
      double b,
      double c,
      double aNeutral,
      double bNeutral) {

    /** The {@code confidence:} block of {@code stance/scoring.yaml} with the fitted values. */
    public String yaml() {
      return String.format(
          Locale.ROOT,
          "confidence:%n  a: %.3f%n  b: %.3f%n  c: %.3f%n  a_neutral: %.3f%n  b_neutral: %.3f%n",
          a,
          b,
          c,
          aNeutral,
          bNeutral);
    }
  }

  private ConfidenceFit() {}

  /**
   * Fits the scaling on scored items and applies it to the current parameters.
   *
   * @param items scored items (gold label and the scorer's result)
   * @param current the current {@code a, b, c, a_neutral, b_neutral}, in that order
   */
  public static Result fit(List<Evaluator.ScoredItem> items, double[] current) {
    List<double[]> polar = new ArrayList<>();
    List<double[]> neutral = new ArrayList<>();
    for (Evaluator.ScoredItem s : items) {
      double[] row = {logit(s.result().confidence()), s.correct() ? 1 : 0};
      (s.result().label() == StanceLabel.NEUTRAL ? neutral : polar).add(row);
    }
    Scaling p = platt(polar);
    Scaling n = platt(neutral);
    return new Result(
        p,
        n,
        p.alpha() * current[0],
        p.alpha() * current[1] + p.beta(),
        p.alpha() * current[2],
        n.alpha() * current[3] + n.beta(),
        n.alpha() * current[4]);
  }

  /**
   * Maximum a-posteriori logistic regression of correctness on logit(confidence), by Newton's
   * method; the Gaussian prior centred on (1, 0) has precision {@link #PRIOR}.
   */
  static Scaling platt(List<double[]> rows) {
    double alpha = 1;
    double beta = 0;
    int correct = 0;
    for (double[] r : rows) {
      correct += (int) r[1];
    }
    for (int iter = 0; iter < 100; iter++) {
      double ga = -PRIOR * (alpha - 1);
      double gb = -PRIOR * beta;
      double haa = PRIOR;
      double hab = 0;
      double hbb = PRIOR;
      for (double[] r : rows) {
        double q = logistic(alpha * r[0] + beta);
        double d = r[1] - q;
        ga += d * r[0];
        gb += d;
        double w = q * (1 - q);
        haa += w * r[0] * r[0];
        hab += w * r[0];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // Newton step, halved until the objective does not get worse (it can overshoot when the
      // data are nearly separable).
      double before = objective(rows, alpha, beta);
      double step = 1;
      while (step > 1e-6 && objective(rows, alpha + step * da, beta + step * db) < before) {
        step /= 2;
      }
      alpha += step * da;
      beta += step * db;
      if (step * (Math.abs(da) + Math.abs(db)) < 1e-10) {
        break;
      }
    }
    return new Scaling(alpha, beta, rows.size(), correct);
  }

  /** Penalised log-likelihood of correctness under the scaling. */
  private static double objective(List<double[]> rows, double alpha, double beta) {
    double ll = -PRIOR / 2 * ((alpha - 1) * (alpha - 1) + beta * beta);
    for (double[] r : rows) {
      double x = alpha * r[0] + beta;
      // log(logistic(x)) = -log(1 + e^-x), log(1 - logistic(x)) = -log(1 + e^x), computed stably
      ll -= r[1] > 0.5 ? softplus(-x) : softplus(x);
    }
    return ll;
  }

  private static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }

  static double logit(double p) {
    double q = Math.min(1 - EPS, Math.max(EPS, p));
    return Math.log(q / (1 - q));
  }

  static double logistic(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
