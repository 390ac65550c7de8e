// The JupyterKernel owner defines the language-independent interpreter protocol here.
