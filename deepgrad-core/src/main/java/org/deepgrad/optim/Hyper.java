package org.deepgrad.optim;

/**
 * The hyper-parameters of a preset: a record validated in its compact constructor, with torch's
 * defaults and one wither per field ({@code Adam.defaults().lr(3e-4).weightDecay(1e-4)}). Every
 * preset has a learning rate and a weight decay, the two a {@link ParamGroup} may override.
 *
 * @param <H> the record itself, so withers return it
 */
public interface Hyper<H extends Hyper<H>> {

  /** The learning rate, &gt;= 0. */
  double lr();

  /** A copy with this learning rate. */
  H lr(double lr);

  /** The weight decay λ, &gt;= 0 (L2 or decoupled, as the preset defines it). */
  double weightDecay();

  /** A copy with this weight decay. */
  H weightDecay(double weightDecay);
}
