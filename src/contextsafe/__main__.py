from contextsafe.cli import main

main()
