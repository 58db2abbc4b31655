from factcheck.start import main

main()
