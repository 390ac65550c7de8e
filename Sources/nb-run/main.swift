// nb-run: runs, converts and checks NetBook notebooks from the command line (see NbRunCommand).
import NetCore

// The same OpenBLAS kernels as nb-kernel (BLASKernels): kernels differ in the last bits of
// a product (FMA or not), so a notebook's stored full-precision outputs, written by nb-run,
// must come from the kernels that Jupyter's kernel runs, or nbval and nbclient find them
// different. Chosen when the first large product opens OpenBLAS, as in nb-kernel.
BLASKernels.preferFastestOnLoad()
NbRunCommand.start()
