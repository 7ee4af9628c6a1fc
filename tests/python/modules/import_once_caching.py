import counter_mod.state
import counter_mod.state as st
from counter_mod import state
from counter_mod.state import bump
print(st is counter_mod.state, state is st)
print(bump(), bump(), st.count)
import sys
print("counter_mod.state" in sys.modules, sys.modules["counter_mod.state"] is st)
import importlib
print(importlib.import_module("counter_mod.state") is st)
