using Clusterdeck.Cli;

return await ClusterdeckCommandLine.InvokeAsync(args);
