using Clusterdeck.Core.Nodes;

namespace Clusterdeck.Web.Components.Nodes;

/// <summary>A row of the status page's node table: the node with its current state, and how many running jobs use it.</summary>
public sealed record NodeRow(Node Node, int RunningJobs);
