print("nb-kernel: not built yet")
