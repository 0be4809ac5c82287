import { PageHeader } from '../../ui/PageHeader';
import { OpportunitiesViewSwitch } from './OpportunitiesViewSwitch';
import { PipelineBoard } from './PipelineBoard';

export function OpportunitiesBoardPage() {
  return (
    <>
      <PageHeader title="Opportunities">
        <OpportunitiesViewSwitch />
      </PageHeader>
      <PipelineBoard />
    </>
  );
}
