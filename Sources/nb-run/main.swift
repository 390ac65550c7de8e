// nb-run: runs, converts and checks NetBook notebooks from the command line (see NbRunCommand).
NbRunCommand.start()
