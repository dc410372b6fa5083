import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div className="page-loading" role="status">
      <Spin size="large" />
    </div>
  );
}
