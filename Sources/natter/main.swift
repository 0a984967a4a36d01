import NatterClient

NatterCommand.main()
