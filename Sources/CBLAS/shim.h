// OpenBLAS's CBLAS interface (Debian: libopenblas-dev, which installs this header
// through the alternatives system in the multiarch include directory).
#include <cblas-openblas.h>
