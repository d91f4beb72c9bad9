"""Comparing claims: positions, verdicts, explanations, counting and the grid."""
