// The monitor: anonymised aggregates of the registration data by one dimension, so the ministry can see who was
// reached without a separate survey (the lesson of NL Leert Door [001][003], DOMAIN.md §2.3). A cell with fewer
// than the threshold number of people is suppressed (both counts 0, flagged), so no small group can be singled out.

export interface MonitorCell {
  category: string;
  registered: number;
  completed: number;
}

export interface MonitorRowView extends MonitorCell {
  suppressed: boolean;
}

/**
 * Suppresses a row when its registered count (or a non-zero completed count) is below the threshold. An empty
 * completed count reveals nothing about a person, so it does not suppress its row.
 */
export function suppressSmallCells(cells: readonly MonitorCell[], threshold: number): MonitorRowView[] {
  return cells.map((cell) => {
    const small = cell.registered < threshold || (cell.completed > 0 && cell.completed < threshold);
    return small ? { category: cell.category, registered: 0, completed: 0, suppressed: true } : { ...cell, suppressed: false };
  });
}
