using Studio.Cli.Commands;

return args switch
{
    ["generate", .. var rest] => GenerateCommand.Run(rest, Console.Out, Console.Error),
    ["-h" or "--help"] => Usage.Show(Console.Out),
    [] => Usage.Fail(Console.Error, "missing command"),
    [var command, ..] => Usage.Fail(Console.Error, $"unknown command '{command}'"),
};
