"""Quảng Ninh digital-economy planning engine: plain functions and small dataclasses, no Streamlit."""

import os

# The engine's matrices are tiny (10-point series): BLAS threads only add overhead, and on a busy
# 2-core server they made a cold fit many times slower (measured). Set before scipy/statsmodels
# load their own OpenBLAS; numpy's, if already loaded, is limited around the fits (trends.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
