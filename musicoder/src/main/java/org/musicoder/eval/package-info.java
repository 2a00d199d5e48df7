/**
 * Evaluation metrics of the downstream tasks, pure Java, defined as scikit-learn 1.2 defines them.
 *
 * <p>Genre classification: {@link org.musicoder.eval.Accuracy}, {@link org.musicoder.eval.ConfusionMatrix},
 * both in {@link org.musicoder.eval.GenreMetrics}. Auto-tagging: {@link org.musicoder.eval.RocAuc} (ROC-AUC) and
 * {@link org.musicoder.eval.AveragePrecision} (PR-AUC), per tag and macro over tags, both in
 * {@link org.musicoder.eval.TagMetrics}.
 *
 * <p>The undefined-tag rule, the same everywhere in this package: a tag is evaluated only when the evaluated
 * clips hold at least one positive and at least one negative for it. Otherwise its ROC-AUC and PR-AUC are
 * {@code NaN} and it is left out of both macro means (scikit-learn raises for ROC-AUC, and gives PR-AUC 0 with a
 * warning when there is no positive, 1 when all are positive). With every tag evaluable, the macro values equal
 * {@code roc_auc_score(average='macro')} and {@code average_precision_score(average='macro')}.
 */
package org.musicoder.eval;
