using Spectre.Console;

namespace Clusterdeck.Cli;

/// <summary>
/// Progress of a long command: a Spectre.Console bar when the command writes to a terminal, otherwise one
/// line every few seconds, so logs of an unattended run still show that it moves.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="work"/>, showing what <paramref name="describe"/> makes of its latest report.</summary>
    public static async Task<T> RunAsync<TProgress, T>(
        TextWriter output, string title, Func<TProgress, (string Text, double Done, double? Total)> describe,
        Func<IProgress<TProgress>, Task<T>> work)
    {
        if (IsTerminal(output))
        {
            return await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: 1);
                    task.IsIndeterminate = true;
                    return await work(new Progress<TProgress>(report =>
                    {
                        var (text, done, total) = describe(report);
                        task.Description = $"{title}: {Markup.Escape(text)}";
                        task.IsIndeterminate = total is null or <= 0;
                        task.MaxValue = total is > 0 ? total.Value : Math.Max(1, done);
                        task.Value = done;
                    }));
                });
        }

        var last = DateTimeOffset.MinValue;
        var gate = new Lock();
        return await work(new SynchronousProgress<TProgress>(report =>
        {
            var now = DateTimeOffset.UtcNow; // wall clock only paces the log lines
            lock (gate)
            {
                if (now - last < LineInterval)
                {
                    return;
                }

                last = now;
            }

            output.WriteLine($"{title}: {describe(report).Text}");
        }));
    }

    private sealed class SynchronousProgress<TProgress>(Action<TProgress> handler) : IProgress<TProgress>
    {
        public void Report(TProgress value) => handler(value);
    }
}
