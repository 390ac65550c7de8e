print("nb-run: not built yet")
