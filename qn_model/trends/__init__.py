"""Trend models fitted with statsmodels, their backtests and the suite that ranks them."""
