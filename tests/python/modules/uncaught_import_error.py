print("before import")
import definitely_missing_module
