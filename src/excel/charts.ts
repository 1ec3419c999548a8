/**
 * How both renderers draw a matrix cut on a bubble chart. Excel does not combine bubble and
 * scatter groups in one chart, and LibreOffice draws no error bars on bubble charts, so a cut
 * is a bubble series of small dots along the line.
 */

/** Dots per cut line. */
export const DOTS = 41;

/** A dot's bubble size relative to the largest bubble of the chart. */
export const DOT_AREA = 0.003;
