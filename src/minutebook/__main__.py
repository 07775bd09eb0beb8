from minutebook.cli import main

main()
