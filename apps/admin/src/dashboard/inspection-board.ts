/** The inspectors' board (contract: oversight.md, `inspectionBoard`). */
export const INSPECTION_BOARD = `query InspectionBoard {
  inspectionBoard {
    asOf
    groups {
      organization { id name }
      overdue
      atRisk
      items {
        daysOverdue
        escalationLevel
        inspectionStatus
        assignment { id timeliness dueDate task { id number text } }
      }
    }
  }
}`;

export interface InspectionBoardItem {
  daysOverdue: number;
  escalationLevel: number;
  inspectionStatus: string;
  assignment: {
    id: string;
    timeliness: string;
    dueDate: string | null;
    task: { id: string; number: string; text: string } | null;
  };
}

export interface InspectionBoardData {
  inspectionBoard: {
    asOf: string;
    groups: {
      organization: { id: string; name: string };
      overdue: number;
      atRisk: number;
      items: InspectionBoardItem[];
    }[];
  };
}
