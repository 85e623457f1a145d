import sys

from qn_model.cli import main

sys.exit(main())
