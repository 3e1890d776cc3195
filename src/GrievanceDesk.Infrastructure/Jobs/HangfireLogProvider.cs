using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide (a static), set by whichever host configured Hangfire last. With several
/// hosts in one process (the functional tests) that host may already be disposed; its logger factory then refuses new
/// loggers. This one answers with a silent logger instead of throwing into Hangfire's storage or server threads.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
