print("exit 42")
raise SystemExit(42)
