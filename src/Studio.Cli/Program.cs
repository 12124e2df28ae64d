using Studio.Cli.Commands;

return args.Length > 0 && args[0] == "generate"
    ? GenerateCommand.Run(args[1..], Console.Out, Console.Error)
    : Usage.Fail(Console.Error, args.Length == 0 ? "missing command" : $"unknown command '{args[0]}'");
